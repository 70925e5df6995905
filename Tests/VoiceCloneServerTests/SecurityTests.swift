import Foundation
import Testing
import VoiceCloneServer
import VoiceCloneTestSupport
import VoiceCloneVault

/// The local server's defences, over real HTTP: token, cookie, Host allow-list, CSRF, size limits, lock contention.
@Suite struct SecurityTests {
    @Test func requestsWithoutTheTokenGet401AsProblemDetails() async throws {
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        let none = try await server.client.send("GET", "/api/clones")
        #expect(none.status == 401)
        #expect(none.header("Content-Type") == "application/problem+json")
        let problem = try none.object()
        #expect(problem["status"] as? Int == 401)
        #expect((problem["detail"] as? String)?.isEmpty == false)
        #expect(!none.text.contains(server.token))

        let wrong = try await server.client.send("GET", "/api/clones", headers: [("Authorization", "Bearer \(String(repeating: "0", count: 64))")])
        #expect(wrong.status == 401)
        let wrongCookie = try await server.client.send("GET", "/api/clones", headers: [("Cookie", "voiceclone_token_\(server.port)=nope")])
        #expect(wrongCookie.status == 401)

        let ok = try await server.get("/api/clones")
        #expect(ok.status == 200)
        #expect(try ok.array().isEmpty)
    }

    @Test func theTokenLinkBecomesAnHttpOnlyStrictCookieAndLeavesTheAddress() async throws {
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        let exchange = try await server.client.send("GET", "/?token=\(server.token)")
        #expect(exchange.status == 303)
        #expect(exchange.header("Location") == "/")
        let cookie = try #require(exchange.header("Set-Cookie"))
        #expect(cookie.hasPrefix("voiceclone_token_\(server.port)=\(server.token)"))
        #expect(cookie.contains("HttpOnly"))
        #expect(cookie.contains("SameSite=Strict"))

        let kept = try await server.client.send("GET", "/api/clones?token=\(server.token)&x=1")
        #expect(kept.header("Location") == "/api/clones?x=1")

        let pair = String(cookie.split(separator: ";")[0])
        let withCookie = try await server.client.send("GET", "/api/clones", headers: [("Cookie", pair)])
        #expect(withCookie.status == 200)

        let badLink = try await server.client.send("GET", "/?token=guess")
        #expect(badLink.status == 401)
        #expect(badLink.header("Set-Cookie") == nil)
    }

    @Test func aForeignHostIsRefusedEvenWithTheToken() async throws {
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        let rebound = try await server.client.send("GET", "/api/clones", headers: [server.bearer], host: "attacker.example:\(server.port)")
        #expect(rebound.status == 403)
        #expect(rebound.header("Content-Type") == "application/problem+json")
        let otherPort = try await server.client.send("GET", "/api/clones", headers: [server.bearer], host: "127.0.0.1:1")
        #expect(otherPort.status == 403)
        for host in ["localhost:\(server.port)", "127.0.0.1:\(server.port)", "[::1]:\(server.port)"] {
            let ok = try await server.client.send("GET", "/api/clones", headers: [server.bearer], host: host)
            #expect(ok.status == 200, "\(host)")
        }
    }

    @Test func crossSiteWritesAreRefusedAndNoCORSHeaderIsEverSent() async throws {
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        let body = Data(#"{"name":"Mallory"}"#.utf8)
        let json = ("Content-Type", "application/json")

        let foreign = try await server.client.send("POST", "/api/clones", headers: [server.bearer, json, ("Origin", "http://attacker.example")], body: body)
        #expect(foreign.status == 403)
        let crossSite = try await server.client.send("POST", "/api/clones", headers: [server.bearer, json, ("Sec-Fetch-Site", "cross-site")], body: body)
        #expect(crossSite.status == 403)
        let cookie = ("Cookie", "voiceclone_token_\(server.port)=\(server.token)")
        let cookieWithoutOrigin = try await server.client.send("POST", "/api/clones", headers: [cookie, json], body: body)
        #expect(cookieWithoutOrigin.status == 403)
        let form = try await server.client.send("POST", "/api/clones", headers: [cookie, server.origin, ("Content-Type", "text/plain")], body: body)
        #expect(form.status == 415)
        #expect(try server.vault.workspace().clones.list().isEmpty)

        let sameOrigin = try await server.client.send("POST", "/api/clones", headers: [cookie, json, server.origin, ("Sec-Fetch-Site", "same-origin")], body: body)
        #expect(sameOrigin.status == 201)
        for reply in [foreign, crossSite, cookieWithoutOrigin, sameOrigin] {
            #expect(!reply.headers.contains { $0.name.lowercased().hasPrefix("access-control-") })
        }
        let preflight = try await server.client.send("OPTIONS", "/api/clones", headers: [("Origin", "http://attacker.example"), ("Access-Control-Request-Method", "POST")])
        #expect(preflight.status == 401)
        #expect(!preflight.headers.contains { $0.name.lowercased().hasPrefix("access-control-") })
    }

    @Test func oversizedBodiesGet413BeforeAnythingIsWritten() async throws {
        let server = try await ServerHarness.start { $0.maxUploadBytes = 64 * 1024; $0.maxJSONBytes = 1024 }
        defer { Task { await server.stop() } }
        _ = try server.vault.workspace().clones.create(name: "Tom")
        let declared = try await server.client.send("POST", "/api/clones/tom/samples",
                                                    headers: [server.bearer, ("Content-Type", "multipart/form-data; boundary=x")],
                                                    body: Data("--x\r\n".utf8), declaredLength: 10 * 1024 * 1024)
        #expect(declared.status == 413)
        #expect(declared.header("Content-Type") == "application/problem+json")

        let big = Data(repeating: UInt8(ascii: "a"), count: 100 * 1024)
        let upload = try await server.upload("/api/clones/tom/samples", files: [("big.txt", big)])
        #expect(upload.status == 413)

        let longName = String(repeating: "n", count: 4000)
        let json = try await server.post("/api/clones", json: ["name": longName])
        #expect(json.status == 413)
        #expect(try server.vault.workspace().samples.list("tom").isEmpty)
    }

    @Test func aWriteWhileAnotherProcessHoldsTheLockGets409() async throws {
        let server = try await ServerHarness.start { $0.lockWaitSeconds = 0.2 }
        defer { Task { await server.stop() } }
        var lock: VaultLock? = try VaultLock(vault: Vault(root: server.vault.root))
        #expect(lock != nil)
        let blocked = try await server.post("/api/clones", json: ["name": "Blocked"])
        #expect(blocked.status == 409)
        let detail = try blocked.object()["detail"] as? String ?? ""
        #expect(detail.lowercased().contains("lock") || detail.lowercased().contains("busy"), "\(detail)")
        // Reads still work while a writer elsewhere holds the lock.
        let read = try await server.get("/api/clones")
        #expect(read.status == 200)
        lock = nil
        let after = try await server.post("/api/clones", json: ["name": "Blocked"])
        #expect(after.status == 201)
    }

    @Test func unknownRoutesAndMalformedBodiesAreProblemDetails() async throws {
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        let missing = try await server.get("/api/nothing-here")
        #expect(missing.status == 404)
        #expect(missing.header("Content-Type") == "application/problem+json")
        let malformed = try await server.client.send("POST", "/api/clones", headers: [server.bearer, ("Content-Type", "application/json")],
                                                     body: Data("{not json".utf8))
        #expect(malformed.status == 400)
        let unknownClone = try await server.get("/api/clones/nobody")
        #expect(unknownClone.status == 404)
        #expect((try unknownClone.object()["detail"] as? String)?.contains("nobody") == true)
        #expect(unknownClone.header("Cache-Control") == "no-store")
        #expect(unknownClone.header("X-Content-Type-Options") == "nosniff")
    }
}
