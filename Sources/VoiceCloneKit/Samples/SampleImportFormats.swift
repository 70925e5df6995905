import VoiceCloneImport

/// The file extensions `sample add` reads (for upload pickers and help texts), lowercase, without the dot.
public enum SampleImportFormats {
    public static var extensions: [String] { SourceFormat.allCases.flatMap(\.extensions) }
}
