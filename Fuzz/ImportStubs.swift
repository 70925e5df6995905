// What ImportError.swift needs from the rest of VoiceCloneImport, for the markup fuzz module only.
enum SourceFormat { static let supportedList = ".pdf, .docx, .epub, .html, .txt, .md" }
