/// How two z-scored feature vectors are compared.
public enum DistanceKind: String, CaseIterable, Codable, Sendable {
    /// 1 − cosine similarity (Smith & Aldridge 2011). The default: Jannidis et al. 2015 and Evert et al.
    /// 2017 found it the most robust Delta and stable as the feature list grows.
    case cosineDelta = "cosine"
    /// Mean absolute difference (Burrows 2002). Kept for comparison with classic studies and
    /// faststylometry; it degrades as more (noisier) features are added.
    case burrowsDelta = "burrows"
}
