import Foundation

/// Problems building a prompt.
public enum PromptError: LocalizedError, Equatable {
    case missingTemplate(String)
    case unfilledPlaceholder(template: String, name: String)
    case emptyPrompt

    public var errorDescription: String? {
        switch self {
        case .missingTemplate(let name):
            return "The prompt template prompts/\(name) is missing from this voiceclone build; reinstall voiceclone."
        case .unfilledPlaceholder(let template, let name):
            return "The prompt template \(template) uses {{\(name)}}, which voiceclone does not fill; fix the template."
        case .emptyPrompt:
            return "The prompt is empty. Say what the piece is about with --prompt TEXT or --prompt-file FILE."
        }
    }
}
