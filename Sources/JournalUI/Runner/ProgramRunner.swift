/// The message loop without the terminal: feeds messages to `AppState`, runs every effect it
/// returns through a handler and feeds the answers back until nothing is left. The terminal
/// loop, the scripted `--keys` mode and the screen tests all run the program through this one
/// type, so the tests exercise the loop the patient uses.
public struct ProgramRunner<Handler: EffectsHandler> {
    public var state: AppState
    public var handler: Handler

    public init(state: AppState, handler: Handler) {
        self.state = state
        self.handler = handler
    }

    /// Runs `messages` in order, then every answer they lead to. Returns the effects run, in
    /// order; a `.quit` is the last one (anything still queued is dropped, as the program ends).
    @discardableResult
    public mutating func send(_ messages: [Msg]) -> [Effect] {
        var queue = messages
        var ran: [Effect] = []
        while !queue.isEmpty {
            let msg = queue.removeFirst()
            for effect in state.update(msg) {
                ran.append(effect)
                switch effect {
                case .record(let changes):
                    queue.append(.recorded(handler.save(changes, shown: state.journal)))
                case .recordUnlessChanged(let changes, let since):
                    queue.append(handler.saveUnlessChanged(changes, since: since, shown: state.journal))
                case .reload:
                    if let answer = handler.reload() { queue.append(.reloaded(answer)) }
                case .suspend:
                    handler.suspend()
                case .quit:
                    return ran
                }
            }
        }
        return ran
    }

    @discardableResult
    public mutating func send(_ msg: Msg) -> [Effect] {
        send([msg])
    }
}
