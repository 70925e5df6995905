/// Every test that imports TestSupport also gets the temporary folders and document writers, which live in their
/// own target so that low-layer tests and the benchmark can link them alone.
@_exported import VoiceCloneTestFiles
