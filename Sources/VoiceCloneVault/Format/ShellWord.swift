/// Command lines suggested in messages ("run `voiceclone sample list 'Test Writer'`") must work when pasted, so
/// every word that came from a user is quoted the way a POSIX shell reads it.
public enum ShellWord {
    /// `Test Writer` -> `'Test Writer'`, `dana-okafor` unchanged, `Rory's` -> `'Rory'\''s'`.
    public static func quoted(_ word: String) -> String {
        let safe = word.unicodeScalars.allSatisfy { scalar in
            (scalar.value < 128 && (scalar.properties.isAlphabetic || ("0"..."9").contains(Character(scalar))))
                || "-_./:@%+=,".unicodeScalars.contains(scalar)
        }
        if safe && !word.isEmpty { return word }
        return "'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }
}
