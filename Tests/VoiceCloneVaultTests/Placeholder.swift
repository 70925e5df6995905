import Testing

@Test func vaultBuilds() {}
