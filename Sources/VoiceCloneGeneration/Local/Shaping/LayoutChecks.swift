/// Measures the layout the offline engine just wrote (it knows the title, the hook, the posts and the hashtags
/// it placed) against its platform's rules and the no-copy guard, in plain language. Text that arrives whole
/// (a model's answer, a rewrite) is measured by `PlatformTextChecks` in VoiceCloneProviders, with the same check names.
enum LayoutChecks {
    static func checks(
        for layout: PieceWriter.Layout, platform: Platform, targetWords: Int, characterTarget: Int?,
        longestRun: Int, copyLimit: Int
    ) -> [PlatformCheck] {
        var checks: [PlatformCheck] = []
        let chars = layout.text.count
        if let max = platform.maxChars {
            checks.append(PlatformCheck(name: "max_chars", passed: chars <= max, detail: "\(chars) of \(max) characters"))
        }
        if let target = characterTarget {
            checks.append(PlatformCheck(
                name: "length", passed: chars <= target && chars >= target / 2,
                detail: "\(chars) characters (asked for at most \(target))"))
        } else if layout.posts.isEmpty {
            let low = Int(Double(targetWords) * 0.75), high = Int(Double(targetWords) * 1.35) + 10
            checks.append(PlatformCheck(
                name: "length", passed: (low...high).contains(layout.bodyWords),
                detail: "\(layout.bodyWords) words (target \(targetWords))"))
        }
        if let hookLimit = platform.hookChars {
            let hook = layout.hook?.count ?? 0
            checks.append(PlatformCheck(
                name: "hook", passed: hook > 0 && hook <= hookLimit,
                detail: "opening paragraph is \(hook) characters; \(hookLimit) are shown before \"see more\""))
        }
        if let perPost = platform.maxCharsPerPost {
            for (index, post) in layout.posts.enumerated() {
                checks.append(PlatformCheck(
                    name: "post_\(index + 1)_chars", passed: post.count <= perPost,
                    detail: "post \(index + 1): \(post.count) of \(perPost) characters"))
            }
            if layout.posts.isEmpty {
                checks.append(PlatformCheck(name: "posts", passed: false, detail: "no post could be written"))
            }
        }
        if platform.hashtags > 0 {
            checks.append(PlatformCheck(
                name: "hashtags", passed: layout.hashtags.count == platform.hashtags,
                detail: "\(layout.hashtags.count) of \(platform.hashtags) hashtags"))
        }
        if platform.headings {
            let wantsSections = layout.bodyWords >= 300
            checks.append(PlatformCheck(
                name: "headings", passed: layout.title != nil && (!wantsSections || layout.headings > 0),
                detail: "title \(layout.title == nil ? "missing" : "present"), \(layout.headings) section headings"))
        }
        if platform.subjectLine {
            let hasSubject = layout.text.hasPrefix("Subject: ")
            checks.append(PlatformCheck(
                name: "subject_line", passed: hasSubject, detail: hasSubject ? "subject line present" : "no subject line"))
        }
        checks.append(PlatformCheck(
            name: "no_copy", passed: longestRun < copyLimit,
            detail: "longest run of words shared with a sample: \(longestRun) (limit: fewer than \(copyLimit))"))
        return checks
    }
}
