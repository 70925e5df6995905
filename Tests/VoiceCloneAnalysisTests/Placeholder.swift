import Testing

@Test func analysisBuilds() {}
