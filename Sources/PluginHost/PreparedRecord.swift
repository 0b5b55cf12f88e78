/// What an exporter's `prepare` made of one article (ABI 1.1), kept with
/// the view it was made from: the ordered `process` gets the same view,
/// with `record` pointing at these bytes, instead of the article and its
/// annotations laid out again on the ordered stage, which every article
/// passes through one at a time.
///
/// Made on a worker, then handed through the run's queue to the ordered
/// stage: one thread at a time, never two. That hand-over is why it is
/// `@unchecked Sendable` (the view is a block of raw memory).
public struct PreparedRecord: @unchecked Sendable {
    /// The record `prepare` set, or nil when it set none.
    public let bytes: [UInt8]?
    /// The view `prepare` saw: the article, the annotations before the
    /// exporter and no record.
    let view: ArticleView

    init(bytes: [UInt8]?, view: ArticleView) {
        self.bytes = bytes
        self.view = view
    }
}
