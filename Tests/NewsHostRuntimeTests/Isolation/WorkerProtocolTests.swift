import NewsHostCore
import Testing

@_spi(Fuzzing) @testable import NewsHostRuntime

/// The binary framing between the host and isolated plugin workers.
@Suite struct WorkerProtocolTests {
    private let article: Article = {
        var article = Article(
            source: "页.txt", index: 7, titles: ["引题", "主标题 ABC"], headline: "主标题 ABC", bylines: ["江跃中", "濮蓉"],
            dateline: nil, paragraphs: ["第一段。", "", "Second 段 with emoji 🚀"], captions: ["图片 朱亮 摄"], subheadings: [])
        article.notes = ["（转摘自“今日漕河泾”）"]
        return article
    }()

    private let annotations: Annotations = {
        var annotations = Annotations()
        annotations.labels = [
            Label(plugin: "classify", name: "economy", score: 0.875), Label(plugin: "c", name: "x", score: 0),
        ]
        annotations.summaries = [Summary(plugin: "summarize", text: "摘要。")]
        annotations.keywords = [Keyword(plugin: "summarize", term: "知识产权", weight: 1e-300)]
        annotations.fields = [Field(plugin: "classify", key: "matched_terms", value: "金融:2")]
        return annotations
    }()

    @Test func requestsSurviveTheRoundTrip() throws {
        let requests: [WorkerRequest] = [
            .start(
                path: "/tmp/libx.so", options: [.init(key: "threshold", value: "0.5"), .init(key: "path", value: "")]),
            .process(article, annotations), .process(Article(source: "-", index: 0), Annotations()), .finish,
        ]
        for request in requests {
            #expect(try WorkerRequest.decode(request.encoded()) == request)
        }
    }

    @Test func repliesSurviveTheRoundTrip() throws {
        let replies: [WorkerReply] = [
            .ready, .loadFailed("no entry symbol"), .failed(status: -3, message: nil),
            .failed(status: -1, message: "坏"), .annotations(annotations), .finished,
        ]
        for reply in replies {
            #expect(try WorkerReply.decode(reply.encoded()) == reply)
        }
    }

    @Test func everyTruncationIsAnErrorNotACrash() {
        let frame = WorkerRequest.process(article, annotations).encoded()
        for length in 0..<frame.count {
            #expect(throws: WireError.self) { try WorkerRequest.decode(Array(frame.prefix(length))) }
        }
        #expect(throws: WireError.self) { try WorkerRequest.decode(frame + [0]) }
    }

    @Test func hugeCountsAndBadUTF8AreRefused() {
        #expect(throws: WireError.self) { try WorkerReply.decode([0x84, 0xff, 0xff, 0xff, 0xff]) }
        #expect(throws: WireError.self) { try WorkerReply.decode([0x82, 2, 0, 0, 0, 0xff, 0xfe]) }
        #expect(throws: WireError.self) { try WorkerReply.decode([0x42]) }
    }
}
