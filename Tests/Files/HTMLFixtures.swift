import Foundation

/// Web pages written for the import tests: an article wrapped in the furniture real sites carry
/// (navigation, cookie banner, share buttons, byline, tags, related posts, newsletter box, comments,
/// footer, scripts and styles).
public enum HTMLFixtures {
    /// Words that occur only in the furniture; none may reach an imported sample.
    public static let boilerplateWords = [
        "cookies", "Accept", "Subscribe", "inbox", "Copyright", "reserved", "Facebook", "LinkedIn",
        "trackingPixelAlpha", "fontFamilyBeta", "Archive", "Filed", "Related", "Commenter", "Workshop",
    ]

    /// The blocks as article HTML (`h1`..`h6`, `p`, `ul/li`), with optional emphasis on a phrase.
    public static func articleBody(_ blocks: [FixtureText.Block], emphasize: String? = nil) -> String {
        var body = ""
        var inList = false
        for block in blocks {
            if case .listItem = block {
                if !inList { body += "<ul>\n" }
                inList = true
            } else if inList {
                body += "</ul>\n"
                inList = false
            }
            var text = DOCXWriter.escape(block.text)
            if let emphasize, text.contains(emphasize) {
                text = text.replacingOccurrences(of: emphasize, with: "<em>\(emphasize)</em>")
            }
            switch block {
            case .heading(_, let level): body += "<h\(level)>\(text)</h\(level)>\n"
            case .paragraph: body += "<p>\n  \(text)\n</p>\n"
            case .listItem: body += "  <li>\(text)</li>\n"
            }
        }
        if inList { body += "</ul>\n" }
        return body
    }

    /// A blog post page with semantic markup (`article`, `nav`, `footer`) and metadata tags.
    public static func blogPage(_ blocks: [FixtureText.Block], charsetMeta: String = "utf-8") -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="\(charsetMeta)">
        <title>\(FixtureText.title) | Holloway Workshop</title>
        <meta property="og:site_name" content="Holloway Workshop">
        <meta property="og:title" content="\(FixtureText.title)">
        <meta name="author" content="\(FixtureText.author)">
        <meta property="article:published_time" content="\(FixtureText.published)T08:15:00+00:00">
        <style>body { font-family: fontFamilyBeta, serif; } .cookie-banner { position: fixed; }</style>
        <script>window.trackingPixelAlpha = { id: 42 }; document.write("trackingPixelAlpha");</script>
        </head>
        <body class="single single-post has-sidebar">
        <div class="cookie-banner" id="gdpr-consent"><p>We use cookies to improve your experience on this site.</p><button>Accept all cookies</button></div>
        <header class="site-header"><a class="logo" href="/">Holloway Workshop</a>
          <nav><ul><li><a href="/">Home</a></li><li><a href="/archive">Archive</a></li><li><a href="/about">About</a></li></ul></nav>
        </header>
        <main id="main">
        <article class="post">
          <header class="entry-header">
            <div class="byline">By <a rel="author" href="/about">\(FixtureText.author)</a>, <time datetime="\(FixtureText.published)">18 March 2024</time></div>
          </header>
          <div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Share on LinkedIn</a></div>
          <div class="entry-content">
        \(articleBody(blocks, emphasize: "not fighting me"))
          </div>
          <div class="post-tags">Filed under: <a href="/t/repairs">repairs</a>, <a href="/t/bicycles">bicycles</a></div>
          <footer class="entry-footer"><p>Copyright 2024 Holloway Workshop. All rights reserved.</p></footer>
        </article>
        <section class="comments" id="comments"><h3>2 Comments</h3><p>Commenter one says: lovely piece, thanks for sharing it with us.</p></section>
        </main>
        <aside class="sidebar"><h3>Related posts</h3><ul><li><a href="/p/1">Related: truing a front wheel</a></li></ul></aside>
        <div class="newsletter-signup"><form><p>Subscribe to get every new post in your inbox.</p><input type="email"><button>Subscribe</button></form></div>
        <footer class="site-footer"><p>Copyright 2024 Holloway Workshop. All rights reserved.</p><p><a href="/privacy">Privacy</a></p></footer>
        <script src="/analytics.js"></script>
        </body>
        </html>
        """
    }

    /// An older layout with no semantic tags: only `div`s with ids and classes, so the article must be
    /// found by paragraph density.
    public static func divSoupPage(_ blocks: [FixtureText.Block]) -> String {
        """
        <html><head><title>\(FixtureText.title) - Holloway Workshop</title>
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"BlogPosting","headline":"\(FixtureText.title)","author":{"@type":"Person","name":"\(FixtureText.author)"},"datePublished":"\(FixtureText.published)"}</script>
        </head>
        <body>
        <div id="top"><div class="menu"><a href="/">Home</a> | <a href="/archive">Archive</a> | <a href="/contact">Contact</a></div></div>
        <div id="wrapper">
          <div id="left-col" class="widget-area"><div class="widget"><p>Subscribe to the newsletter for updates in your inbox.</p></div><ul><li><a href="/p/2">Related: a short history of brakes</a></li></ul></div>
          <div id="content"><div class="entry">
        \(articleBody(blocks))
          </div></div>
        </div>
        <div id="cookie-notice">This site uses cookies. <a href="#">Accept</a></div>
        <div id="bottom">Copyright 2024 Holloway Workshop. All rights reserved.</div>
        </body></html>
        """
    }

    /// A windows-1252 page (declared in the HTTP header and a meta tag) with accented letters,
    /// curly quotes and a dash that only decode right when the charset is honoured.
    public static let windows1252Paragraph = "At the caf\u{E9} on the corner the owner said \u{201C}ride it until it squeaks, then ride it some more\u{201D} \u{2014} and handed me a na\u{EF}ve little map of the canal path."

    public static func windows1252Page() -> Data {
        var blocks = Array(FixtureText.shortPiece)
        blocks.insert(.paragraph(windows1252Paragraph), at: 2)
        let html = blogPage(blocks, charsetMeta: "windows-1252")
        return html.data(using: .windowsCP1252) ?? Data()
    }
}
