/// One text (or chunk) as relative frequencies over the selected features, laid out
/// words | characters | style as `FeatureLayout` says, plus the token counts the rates came from
/// (needed to know how noisy each rate is).
struct FeatureVector: Sendable {
    var values: [Double]
    var wordTokens: Int
    var ngramTokens: Int
}
