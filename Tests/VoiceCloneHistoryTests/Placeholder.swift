import Testing

@Test func historyBuilds() {}
