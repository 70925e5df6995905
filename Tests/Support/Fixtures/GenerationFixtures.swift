/// Small samples written for these tests, in one distinctive voice: short sentences, second person, em dashes,
/// contractions, one-line paragraphs, and a fondness for mornings, coffee and notebooks.
public enum GenerationFixtures {
    public static let samples: [String] = [
        """
        I wake up before the house does. That's the whole trick.

        The kettle clicks. The street is still blue. I sit at the kitchen table with a notebook and a pen that \
        doesn't quite work, and I write whatever is in my head — grocery lists, half a poem, the thing I should have \
        said yesterday. Nobody reads it. That's the point.

        You don't need a system for this. You need twenty minutes and a closed door.

        Most mornings the page is boring. Some mornings it isn't. I can't tell which kind it'll be until I'm there, \
        so I show up anyway.
        """,
        """
        Coffee is not a personality. I say this as someone who owns three grinders.

        But the ritual matters. Weighing the beans, waiting for the water, watching the bloom rise and fall — it \
        slows my hands down, and my head follows. By the time the cup is ready, I've usually figured out the first \
        sentence of whatever I'm writing that day.

        Here's what I've learned: the tool doesn't matter much. The pause does.

        If you rush the morning, you rush the work. If you give the morning room, the work tends to find its own pace.
        """,
        """
        People ask how I stay consistent. Honestly? I don't. I miss days. I miss weeks.

        What I've stopped doing is punishing myself for it. A notebook doesn't keep score. It just waits for you, \
        open to the next blank page, and it never asks where you've been.

        Start small. One sentence counts. One sentence, written before you check your phone, is worth more than a \
        perfect plan you never start.

        And when you miss a day, you come back. That's the habit — not the streak, the coming back.
        """,
        """
        I used to think good writing came from inspiration. It doesn't. It comes from sitting down when you'd \
        rather not, and staying there a little longer than feels comfortable.

        The first draft is always clumsy. Mine read like a grocery list written in a moving car. That's fine. \
        You can't edit a blank page, and you can't fix a sentence you never wrote.

        So write the clumsy version. Write it early, before the day gets loud. Then make a second cup of coffee \
        and read it back with kinder eyes.

        Slow mornings make better writers. I believe that more every year.
        """,
        """
        My desk is a mess. My mornings aren't.

        There's a difference between a quiet morning and an empty one. A quiet morning has a shape — coffee, \
        notebook, a walk if the weather allows — and that shape holds you up on the days you'd rather stay in bed.

        I don't answer email before nine. I don't open the news before I've written something. These aren't rules \
        for anyone else; they're the small fences I built so my attention has somewhere to graze.

        Try it for a week. Protect the first hour. Notice what you write when nobody is asking you for anything.
        """,
        """
        Every writer I admire has a boring habit they refuse to give up. A walk after lunch. A notebook by the bed. \
        A cup of tea at exactly four o'clock.

        The habit isn't magic. It's scaffolding. It tells your brain, gently, that it's time to pay attention.

        You'll be tempted to upgrade the habit — the fancier pen, the perfect app, the standing desk. Don't. \
        The habit works because it's boring. Boring is reliable.

        So pick something small, something you'd do even on a bad day, and tie your writing to it.
        """,
    ]

    /// A corpus built to tempt copying: a handful of sentences repeated many times, with almost no variation.
    public static let repetitive: [String] = (0..<30).map { i in
        "The quick brown fox jumps over the lazy dog near the river bank every single morning before the sun rises. "
            + "The quick brown fox jumps over the lazy dog near the old mill every single evening after the rain stops. "
            + (i % 3 == 0 ? "Nobody knows why the fox does this every day." : "The dog never minds the fox at all.")
    }
}
