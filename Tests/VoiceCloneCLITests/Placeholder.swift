import Testing

@Test func cliBuilds() {}
