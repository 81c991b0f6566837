package site

// OnAhead has f called with the overlay's folder each time pages rendered
// ahead go live (before the full build replaces them).
func (b *Builder) OnAhead(f func(overlay string)) { b.overlay.done = f }

// DropOldOverlay is what serving does first (site.Register).
func (b *Builder) DropOldOverlay() { b.dropOldOverlay() }
