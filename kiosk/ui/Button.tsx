import type { ComponentChildren } from 'preact';

interface ButtonProps {
  children: ComponentChildren;
  onClick?: () => void;
  variant?: 'primary' | 'secondary' | 'quiet';
  size?: 'normal' | 'large' | 'huge';
  disabled?: boolean;
  /** Keeps focus where it was when pressed by touch or mouse (pad keys: a physical Enter then still submits). */
  keepFocus?: boolean;
  autoFocus?: boolean;
  class?: string;
  /** For a button that shows and hides a panel: whether it is shown, and the panel's id. */
  expanded?: boolean;
  controls?: string;
}

export function Button(props: ButtonProps) {
  const { children, onClick, variant = 'secondary', size = 'normal', disabled, keepFocus, autoFocus, class: extra = '', expanded, controls } = props;
  return (
    <button
      type="button"
      class={`button button-${variant} button-${size} ${extra}`}
      onClick={onClick}
      onMouseDown={keepFocus ? (event) => event.preventDefault() : undefined}
      disabled={disabled}
      autoFocus={autoFocus}
      aria-expanded={expanded}
      aria-controls={controls}
    >
      {children}
    </button>
  );
}
