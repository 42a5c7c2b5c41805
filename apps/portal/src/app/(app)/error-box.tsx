import { errorMessage } from '../../lib/errors';

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

interface LoadErrorProps {
  /** What failed to load, as it reads after "Could not load": "the webhooks", "companies". */
  what: string;
  error: unknown;
  onRetry: () => void;
}

/** A query that failed: what could not be loaded, why, and a button to try again. */
export function LoadError({ what, error, onRetry }: LoadErrorProps) {
  return (
    <div className="error-box" role="alert">
      <p>
        Could not load {what}: {errorMessage(error)}
      </p>
      <button type="button" className="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
