/// Text written for the import fixtures: an essay with headings, emphasis and a list, and a second
/// shorter piece. Every format's fixture is generated from these, so extraction can be scored word by word.
public enum FixtureText {
    /// A block of the essay: a heading, a paragraph, or a list item.
    public enum Block: Sendable, Equatable {
        case heading(String, level: Int)
        case paragraph(String)
        case listItem(String)

        public var text: String {
            switch self {
            case .heading(let text, _), .paragraph(let text), .listItem(let text): return text
            }
        }
    }

    public static let title = "The Slow Repair of a Green Bicycle"
    public static let author = "Maren Holloway"
    public static let published = "2024-03-18"

    public static let essay: [Block] = [
        .heading("The Slow Repair of a Green Bicycle", level: 1),
        .paragraph("My neighbour left the bicycle against the fence in October, with a note taped to the saddle that said only: free to anyone patient. I am not a patient person, which is probably why I took it. The frame was a faded bottle green, the chain had rusted into a single stiff rope, and the rear wheel wobbled like a plate spinning on a stick."),
        .paragraph("I decided to fix it one evening a week and to write down what I learned. That rule mattered more than any tool I bought. Repairs done in a hurry tend to be repairs done twice, and a notebook is a cheap way to slow yourself down without feeling lazy about it."),
        .heading("Starting with the chain", level: 2),
        .paragraph("The chain came first because it was the most obviously broken thing. I soaked it overnight in a jar of degreaser and found, the next morning, that about half of the links would bend again. The other half would not. A new chain cost less than a takeaway dinner, so I bought one and kept the old chain as a reminder of what neglect looks like."),
        .paragraph("Fitting the new chain taught me something humbling: length matters. Too short and the derailleur strains; too long and the chain slaps against the stays on every bump. I counted links three times, cut once, and still had to add two links back the following week."),
        .heading("What the wheel was telling me", level: 2),
        .paragraph("A wobbling wheel is not one problem but thirty-two small ones, one for each spoke. Truing it means turning each nipple a quarter of a turn, watching the rim move a millimetre, and resisting the urge to crank everything at once. I spent three evenings on the rear wheel. On the third I finally understood that the wheel was not fighting me; it was reporting, honestly, every mistake I had made on the first two."),
        .paragraph("By the end the rim ran straight enough that the brake pads no longer kissed it twice per revolution. It is not perfect. A mechanic would spot the flat patch near the valve at a glance. But it rolls, and it rolls quietly, which is more than I could say in October."),
        .heading("Tools I actually used", level: 2),
        .listItem("A chain tool, bought cheaply and used constantly."),
        .listItem("A spoke key that fits only one size of nipple, luckily the right one."),
        .listItem("Two tyre levers, one of which snapped on the first day."),
        .listItem("A notebook with a pencil tied to its spine by a length of string."),
        .heading("Why the notebook mattered", level: 2),
        .paragraph("Reading the notebook now, I notice how often I wrote the same sentence in different words: slow down, check again, the bolt is not the problem. Each entry is short and most are dull. Together they describe a person learning to leave a job unfinished overnight without worrying about it."),
        .paragraph("That, more than the bicycle, is what I got from the fence. I ride it to the market on Saturdays now. The bell still sticks, and I have decided to leave it that way for a while, as a small test of whether the lesson took."),
    ]

    /// A second piece, for folder imports and EPUB chapters.
    public static let shortPiece: [Block] = [
        .heading("Notes from a Winter Allotment", level: 1),
        .paragraph("In January the allotment looks abandoned, and that is most of its charm. The beds are mulched, the paths are mud, and the only colour comes from the kale, which refuses to notice the season. I go down on Sunday mornings mostly to check that the shed is still standing."),
        .paragraph("Winter is when I plan. I sit on an upturned bucket with a flask of tea and decide, again, that this will be the year I grow decent carrots. The soil has other ideas. It is heavy clay, cold until April, and it splits roots into comic little legs. I have learned to photograph the worst ones and send them to my sister."),
        .paragraph("What keeps me going back is not the harvest but the quiet. Nobody expects anything from a winter allotment. You can turn a single barrow of compost, call it a morning's work, and walk home feeling that the year has quietly begun."),
    ]

    /// The essay as Markdown, the shape every importer should produce.
    public static func markdown(_ blocks: [Block]) -> String {
        blocks.map { block -> String in
            switch block {
            case .heading(let text, let level): return String(repeating: "#", count: level) + " " + text
            case .paragraph(let text): return text
            case .listItem(let text): return "- " + text
            }
        }.joined(separator: "\n\n") + "\n"
    }

    /// All the words of the blocks, for recall and precision checks.
    public static func plainText(_ blocks: [Block]) -> String {
        blocks.map(\.text).joined(separator: "\n")
    }
}
