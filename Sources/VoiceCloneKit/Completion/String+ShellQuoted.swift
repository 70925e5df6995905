import VoiceCloneVault

extension String {
    /// The word as a POSIX shell reads it back, for command lines suggested in messages: `'Test Writer'`.
    public var shellQuoted: String { ShellWord.quoted(self) }
}
