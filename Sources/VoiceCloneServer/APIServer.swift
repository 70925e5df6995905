import Foundation
import Hummingbird
import VoiceCloneKit

/// `voiceclone serve`: the vault as a local REST API (documented in `openapi.yaml`), on Hummingbird.
///
/// Every answer uses the same types and JSON shapes as the CLI's `--json`; every change goes through Kit,
/// which locks the vault, writes atomically and commits exactly what it touched.
public final class APIServer: Sendable {
    let state: ServerState

    /// Opens the vault (so a wrong `--vault` fails before anything listens).
    public init(configuration: ServerConfiguration) throws {
        let vault = try VaultAccess(vaultPath: configuration.vaultPath, environment: configuration.environment,
                                    lockWait: configuration.lockWaitSeconds)
        state = ServerState(configuration: configuration, vault: vault)
    }

    /// The vault folder being served.
    public var vaultRoot: URL { state.vault.root }

    /// Listens until SIGINT/SIGTERM (when `handleSignals`) or until the calling task is cancelled, then stops
    /// taking connections, lets requests in flight and running jobs finish, and returns. Kit holds the vault lock
    /// only inside each call, so nothing is left locked.
    public func run(handleSignals: Bool = true, onReady: @escaping @Sendable (ServerAddress) -> Void) async throws {
        let state = self.state
        var app = Application(
            router: makeRouter(),
            configuration: ApplicationConfiguration(address: .hostname(state.configuration.host, port: state.configuration.port),
                                                    serverName: nil),
            onServerRunning: { channel in
                state.port = channel.localAddress?.port ?? state.configuration.port
                onReady(ServerAddress(host: state.configuration.host, port: state.port, startURL: state.startURL))
            })
        // Hummingbird's own log would print request details; the access log below is the only one.
        app.logger.logLevel = .critical
        do {
            try await app.runService(gracefulShutdownSignals: handleSignals ? [.sigterm, .sigint] : [])
        } catch {
            await state.jobs.waitForRunning()
            throw error
        }
        await state.jobs.waitForRunning()
    }

    func makeRouter() -> APIRouter {
        let router = APIRouter()
        router.add(middleware: FrontMiddleware(log: state.configuration.quiet ? nil : AccessLog(sink: state.configuration.accessLogSink)))
        router.add(middleware: SecurityMiddleware(state: state))
        // A browser (asking for HTML) gets the web app's first page; scripts get the service index.
        let index: @Sendable (Request, BasicRequestContext) async throws -> Response = { [state] request, _ in
            guard HTMLPage.wantsHTML(request) else { return try JSONBody.response(ServiceIndex(vault: state.vault.root.path)) }
            return HTMLPage.redirect("/voices")
        }
        router.get("/", use: index)
        router.get("/api", use: index)
        router.get("/api/openapi.yaml") { _, _ in
            JSONBody.raw(try OpenAPIDocument.data(), contentType: "application/yaml; charset=utf-8")
        }
        CloneRoutes.add(to: router, state: state)
        SampleRoutes.add(to: router, state: state)
        DNARoutes.add(to: router, state: state)
        VoiceRoutes.add(to: router, state: state)
        GenerateRoutes.add(to: router, state: state)
        LibraryRoutes.add(to: router, state: state)
        HistoryRoutes.add(to: router, state: state)
        ProviderRoutes.add(to: router, state: state)
        SettingsRoutes.add(to: router, state: state)
        WebRoutes.add(to: router, state: state)
        return router
    }
}

/// Where the server listens, once it does.
public struct ServerAddress: Sendable {
    public var host: String
    public var port: Int
    /// `http://HOST:PORT/?token=…`: the only place the token is ever printed.
    public var startURL: String
}

/// `GET /` and `GET /api`: what this is and where its contract is.
struct ServiceIndex: Encodable, Sendable {
    var name = "voiceclone"
    var vault: String
    var openapi = "/api/openapi.yaml"
}

/// The OpenAPI document shipped with the module (the repository's `openapi.yaml`).
enum OpenAPIDocument {
    static func data() throws -> Data {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml"),
              let data = FileManager.default.contents(atPath: url.path) else {
            throw Problem(status: .notFound, detail: "This build has no openapi.yaml; see the repository's copy.")
        }
        return data
    }
}
