/// Helpers shared by the test targets: a loopback HTTP server (`LoopbackHTTPServer`) and
/// fixture writers for PDF, DOCX, EPUB and HTML files (`Fixtures/`).
public enum TestSupport {}
