import Yams

/// Bounds on a composed YAML tree. Yams shares an anchored node between its aliases, so composing a
/// "billion laughs" block is cheap; what explodes is every later walk over it (rendering, reading
/// metadata). Walking with a budget stops at the first node past the limit, before memory grows.
public enum YAMLLimits {
    /// Nodes a front matter block or config file may hold once aliases are expanded.
    public static let maxExpandedNodes = 10_000
    /// Characters of scalar text it may hold once aliases are expanded.
    public static let maxExpandedScalarBytes = 1_048_576
    /// Nesting depth of mappings and sequences.
    public static let maxDepth = 64

    /// Nil when `node` is within the limits, else what is wrong (for an error message).
    public static func violation(in node: Yams.Node) -> String? {
        var nodes = 0
        var bytes = 0
        var stack: [(node: Yams.Node, depth: Int)] = [(node, 1)]
        while let (current, depth) = stack.popLast() {
            nodes += 1
            if nodes > maxExpandedNodes {
                return "it expands to more than \(maxExpandedNodes) values (aliases such as *name repeat whole blocks); write the values out or remove the aliases"
            }
            if depth > maxDepth { return "it nests deeper than \(maxDepth) levels" }
            switch current {
            case .scalar(let scalar):
                bytes += scalar.string.utf8.count
                if bytes > maxExpandedScalarBytes {
                    return "it expands to more than \(maxExpandedScalarBytes / 1_048_576) MB of text (aliases such as *name repeat whole blocks); remove the aliases"
                }
            case .mapping(let mapping):
                for (key, value) in mapping {
                    stack.append((key, depth + 1))
                    stack.append((value, depth + 1))
                }
            case .sequence(let sequence):
                for item in sequence { stack.append((item, depth + 1)) }
            case .alias:
                continue
            }
        }
        return nil
    }
}
