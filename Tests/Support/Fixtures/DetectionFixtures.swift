/// Texts written for the detection tests: each triggers one habit, or is written to avoid it.
public enum DetectionFixtures {
    /// Machine-style prose: stock phrases, stacked connectives, threes, even rhythm, no "I".
    public static let machine = """
        In today's fast-paced world, effective teamwork is more important than ever. Whether you lead a team or join one, clear habits can make all the difference. In this article, we will delve into the key practices that help teams thrive.

        First and foremost, it's important to note that teamwork is not just a process, but a mindset. Every member brings a unique perspective to the rich tapestry of the group. Moreover, strong teams foster trust, build momentum, and deliver meaningful results. Furthermore, they navigate the complex landscape of modern work with confidence.

        Additionally, it is essential to embrace feedback. Feedback is a testament to the value of continuous improvement. By seeking input from peers, mentors, and leaders, people can refine their skills, enhance their clarity, and elevate their impact.

        In conclusion, great teamwork is not just about tasks, but about people. By embracing these practices, teams can harness the power of collaboration and thrive in an ever-evolving landscape.
        """

    /// Human-style prose about the same subject: first person, contractions, uneven rhythm, no stock phrases.
    public static let human = """
        I ran the team retro on Thursday. It went badly, then well.

        The first twenty minutes were people listing tickets. Nobody said what actually hurt, which is that we shipped the billing change on a Friday with one reviewer who'd been on the team for a week and didn't know the refund path existed. I get why. It's awkward to say that out loud when the reviewer is in the room.

        So I said it. I'd approved the plan, so it was my call too.

        After that it got useful. Sam pointed out the checklist we never read. Priya wants a second reviewer on anything touching money, and honestly? She's right. We'll try it for a month and see whether it slows us down more than the outage did, which cost us a weekend and two very unhappy customers.
        """
}
