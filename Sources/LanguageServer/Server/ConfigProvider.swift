import Foundation
import JSONRPC
import MetadataLint

/// The `.metadata-lint.yml` in force for a document: the one given on the command line, or the
/// nearest one above the document (else above the working directory), re-read when it changes on
/// disk. A broken config is reported once and the defaults are used.
final class ConfigProvider {
    enum Choice {
        case discover
        case file(String)
        case none
    }

    private let choice: Choice
    private var cache: [String: (modified: Date?, config: Config)] = [:]
    private var reported: Set<String> = []
    /// Called with a message the first time a config file fails to load.
    var onError: (String) -> Void = { _ in }

    init(_ choice: Choice) {
        self.choice = choice
    }

    func config(forDocumentAt path: String?) -> Config {
        let configPath: String?
        switch choice {
        case .none: return Config()
        case .file(let file): configPath = file
        case .discover:
            let directory = path.map { URL(fileURLWithPath: $0).deletingLastPathComponent().path }
                ?? FileManager.default.currentDirectoryPath
            configPath = ConfigLoader.discover(from: directory)
        }
        guard let configPath else { return Config() }
        let modified = (try? FileManager.default.attributesOfItem(atPath: configPath))?[.modificationDate] as? Date
        if let cached = cache[configPath], cached.modified == modified { return cached.config }
        let config: Config
        do throws(ConfigError) {
            config = try ConfigLoader.load(configPath)
            reported.remove(configPath)
        } catch {
            if reported.insert(configPath).inserted { onError("metadata-lint: \(error.description); using the default rules") }
            config = Config()
        }
        cache[configPath] = (modified, config)
        return config
    }

    /// Forget what was read, after the client says files changed.
    func invalidate() {
        cache.removeAll()
    }
}
