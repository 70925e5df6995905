import Foundation
import VoiceCloneKit
import VoiceCloneTestSupport

/// A vault with one writer (a gardener who writes short, wry first-person notes), for generation tests.
enum GenerateFixtures {
    static let samples = [
        """
        I planted the garlic late again. Every October I promise myself I'll do it on time, and every October the \
        rain has other plans. So the cloves went in on a grey Sunday in November, cold fingers, muddy knees.

        It'll be fine. Garlic is forgiving. It sits in the dark all winter and thinks about things, and in spring \
        it pushes up green shoots as if nothing happened.

        I wish I were more like garlic. Patient, a bit stubborn, not bothered by the weather.
        """,
        """
        Tomatoes are a lesson in humility. You can do everything right — the feeding, the pinching, the careful \
        watering at dusk — and still lose the lot to blight in a wet August.

        I've stopped taking it personally. The garden isn't a test I pass or fail. It's a conversation, and \
        sometimes the other side doesn't feel like talking.

        This year I grew three varieties. Two sulked. One, a little yellow cherry whose name I've already \
        forgotten, fed us for six weeks. I'll grow that one again, whatever it's called.
        """,
        """
        People ask me what the secret is. There isn't one. There's compost, and there's showing up.

        Compost is the unglamorous heart of it. Kitchen scraps, grass clippings, the leaves nobody wants — you \
        pile them up, you turn them now and then, and a year later you've got dark crumbly soil that smells like \
        a forest after rain. It feels like a magic trick. It isn't. It's just time doing its job.

        Showing up is harder. Ten minutes a day beats a whole weekend once a month. Weeds don't wait for weekends.
        """,
        """
        My neighbour grows dahlias the size of dinner plates. I grow dahlias the size of teacups, and I'm \
        strangely proud of them.

        We compare notes over the fence. She swears by banana skins. I swear by neglect. Neither of us is \
        entirely right, and neither of us will ever admit it.

        That's the best part of gardening, honestly. Not the flowers. The small arguments, the swapped seedlings, \
        the jar of jam left on the wall with no note because everyone knows who made it.
        """,
        """
        Winter is when the real planning happens. Seed catalogues on the kitchen table, a pencil behind my ear, \
        grand schemes for raised beds I'll never build.

        I draw the same map every January. Beans here, squash there, a new bed for herbs by the back door. By \
        May the map is forgotten and I'm planting wherever there's a gap.

        Maybe that's the point. The plan gets me through the dark months. The garden does what it likes anyway.
        """,
    ]

    /// A vault holding the clone `Wren Hale` with the samples above, committed.
    static func vault(config: String? = nil) throws -> TestVault {
        let vault = try TestVault()
        _ = try vault.workspace().clones.create(name: "Wren Hale")
        for (i, text) in samples.enumerated() {
            try vault.writeSample(clone: "wren-hale", name: "note-\(i).md", "---\ntitle: Note \(i)\ncontent_type: blog\n---\n\n" + text)
        }
        if let config { try vault.directory.write(".voiceclone/config.yaml", config) }
        _ = try vault.git("add", "-A")
        _ = try vault.git("commit", "-qm", "samples")
        return vault
    }

    static let openAIKey = "sk-kit-test-KEY-9876543210fedcba"

    /// A workspace whose environment holds an OpenAI key and an empty config folder (no credentials file).
    static func workspace(_ vault: TestVault, extra: [String: String] = [:]) throws -> Workspace {
        let config = TemporaryDirectory("xdg")
        var env = ["OPENAI_API_KEY": openAIKey, "XDG_CONFIG_HOME": config.path, "HOME": config.path]
        for (k, v) in extra { env[k] = v }
        return try Workspace(vault: .init(root: vault.root), environment: env)
    }
}
