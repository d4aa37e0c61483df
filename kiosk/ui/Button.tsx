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
}

export function Button({ children, onClick, variant = 'secondary', size = 'normal', disabled, keepFocus, autoFocus, class: extra = '' }: ButtonProps) {
  return (
    <button
      type="button"
      class={`button button-${variant} button-${size} ${extra}`}
      onClick={onClick}
      onMouseDown={keepFocus ? (event) => event.preventDefault() : undefined}
      disabled={disabled}
      autoFocus={autoFocus}
    >
      {children}
    </button>
  );
}
