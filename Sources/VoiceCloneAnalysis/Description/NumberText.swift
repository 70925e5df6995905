/// Numbers as people read them in messages, prompts and commit logs, the same on every machine.
public enum NumberText {
    /// 12345 → "12,345", independent of the machine's locale.
    public static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (k, ch) in digits.enumerated() {
            if k > 0 && (digits.count - k) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return (n < 0 ? "-" : "") + out
    }
}
