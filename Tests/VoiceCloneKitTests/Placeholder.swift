import Testing

@Test func kitBuilds() {}
