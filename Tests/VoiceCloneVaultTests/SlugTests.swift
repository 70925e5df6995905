import Testing
@testable import VoiceCloneVault

@Suite struct SlugTests {
    @Test(arguments: [
        ("Alice", "alice"),
        ("Ana María Blog", "ana-maria-blog"),
        ("  Zoë's   Newsletter!! ", "zoes-newsletter"),
        ("Rex — LinkedIn", "rex-linkedin"),
        ("ÉCOLE 42", "ecole-42"),
    ])
    func derivesReadableSlugs(name: String, slug: String) throws {
        #expect(try Slug.forCloneName(name) == slug)
    }

    @Test func nonLatinNamesGetAStableHashSlug() throws {
        let a = try Slug.forCloneName("日本語")
        #expect(a.hasPrefix("clone-"))
        #expect(a == (try Slug.forCloneName("日本語")))
        #expect(a != (try Slug.forCloneName("中文")))
    }

    @Test(arguments: ["../evil", "a/b", "a\\b", "..", "", "   ", String(repeating: "x", count: 101), "tab\there"])
    func refusesNamesThatCouldEscapeOrAreUnusable(name: String) {
        #expect(throws: VaultError.self) { try Slug.forCloneName(name) }
    }

    @Test func slugLengthIsBounded() throws {
        let slug = try Slug.forCloneName(String(repeating: "word ", count: 20))
        #expect(slug.count <= 60)
        #expect(!slug.hasSuffix("-"))
    }
}
