import { Component, type ErrorInfo, type ReactNode } from 'react';

/** A polite "loading" line that screen readers announce once. */
export function Loading({ children }: { children: ReactNode }) {
  return (
    <p className="status status-loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {children}
    </p>
  );
}

/** A failure with its explanation and, where trying again can help, a button for it. */
export function ErrorMessage({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <div className="status status-error" role="alert">
      <p>{message}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

interface BoundaryState {
  failed: boolean;
}

/** Keeps a crash in one panel (or a chunk that failed to load) from blanking the whole page. */
export class PanelErrorBoundary extends Component<{ children: ReactNode }, BoundaryState> {
  override state: BoundaryState = { failed: false };

  static getDerivedStateFromError(): BoundaryState {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('panel failed', error, info.componentStack);
  }

  override render() {
    if (this.state.failed) {
      return (
        <ErrorMessage
          message="This part of the page could not be shown. Reload the page to try again."
          onRetry={() => window.location.reload()}
        />
      );
    }
    return this.props.children;
  }
}
