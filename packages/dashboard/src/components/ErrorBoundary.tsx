import { Component, type ReactNode } from "react";

/**
 * Shows what went wrong instead of a blank page when a view throws or its code fails to load
 * (for example a stale tab after the site was updated).
 */
export class ErrorBoundary extends Component<{ title: string; children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="msg error" role="alert">
        <p>{this.props.title}</p>
        <p>
          <code>{this.state.error.message}</code>
        </p>
      </div>
    );
  }
}
