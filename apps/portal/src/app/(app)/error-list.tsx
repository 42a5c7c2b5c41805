interface ErrorListProps {
  /** The lead line, e.g. "Could not save the sync settings:". */
  heading: string;
  /** The messages to list; with none, nothing renders. */
  messages: readonly string[];
  testId: string;
}

/** A form's error box: a heading and the messages the server sent back, announced as an alert. */
export function ErrorList({ heading, messages, testId }: ErrorListProps) {
  if (!messages.length) return null;
  return (
    <div className="error-box" role="alert" data-testid={testId}>
      <p>{heading}</p>
      <ul>
        {messages.map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ul>
    </div>
  );
}
