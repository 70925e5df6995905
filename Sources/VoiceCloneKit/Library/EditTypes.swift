import VoiceCloneAnalysis

// The edit-learning types Kit's API takes and returns (`library diff`, `learn`), named here so a front end
// imports VoiceCloneKit alone (as KitTypes.swift does for the others).

/// How strict `learn` is (`--min-support`), from VoiceCloneAnalysis.
public typealias EditMiningOptions = VoiceCloneAnalysis.EditMiningOptions
/// The DNA's `edits` section and its lessons, from VoiceCloneAnalysis.
public typealias EditLessons = VoiceCloneAnalysis.EditLessons
public typealias EditLesson = VoiceCloneAnalysis.EditLesson
/// A word-level diff of a draft and its edited version, from VoiceCloneAnalysis.
public typealias WordDiff = VoiceCloneAnalysis.WordDiff
