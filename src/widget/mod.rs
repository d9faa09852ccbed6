//! The widget (placeholder until the DOM code lands).
