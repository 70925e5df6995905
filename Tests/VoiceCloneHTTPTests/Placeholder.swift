import Testing

@Test func httpBuilds() {}
