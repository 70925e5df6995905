import Testing

@Test func voiceBuilds() {}
