/// Where a training chunk lives: the candidate's sample it came from and its place in that sample.
struct ChunkReference: Sendable, Hashable {
    let sample: Int
    let chunk: Int
}
