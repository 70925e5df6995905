import Foundation

/// Reads the detector's data files from the module bundle (`Resources/detection/`).
enum DetectionResource {
    static func text(_ name: String, _ ext: String) -> String? {
        let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Resources/detection")
            ?? Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "detection")
        guard let url, let data = try? Data(contentsOf: url) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
