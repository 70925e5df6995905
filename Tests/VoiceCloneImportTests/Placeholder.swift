import Testing

@Test func importBuilds() {}
