package doctext

import (
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
)

// Cache converts each distinct description once. Lowering reads one
// description up to three times (as doc lines, and as plain text for its
// default and for its list of enum values), and collections repeat
// descriptions across requests. Warm converts descriptions on the other
// cores ahead of the pass that reads them, which is what makes lowering
// use more than one core. Its results are those of the functions of the
// same name. The zero Cache is ready to use; it is safe for concurrent use.
type Cache struct {
	mu      sync.Mutex
	entries map[string]*entry
}

// entry is one description, parsed by whoever asks for it first (a warmer
// or the reader, which then waits for the other instead of parsing it
// again), laid out for each use on first use.
type entry struct {
	parsed, linesOnce, plainOnce sync.Once

	blocks []block
	lines  []string
	plain  string
}

func (c *Cache) entry(s string) *entry {
	c.mu.Lock()
	defer c.mu.Unlock()
	e := c.entries[s]
	if e == nil {
		if c.entries == nil {
			c.entries = map[string]*entry{}
		}
		e = &entry{}
		c.entries[s] = e
	}
	return e
}

func (e *entry) parse(s string) *entry {
	e.parsed.Do(func() { e.blocks = parse(s) })
	return e
}

// Lines is Lines(s); the slice is the caller's. A nil Cache converts s
// each time.
func (c *Cache) Lines(s string) []string {
	if c == nil {
		return Lines(s)
	}
	e := c.entry(s).parse(s)
	e.linesOnce.Do(func() { e.lines = layout(e.blocks, wrapWidth) })
	return slices.Clone(e.lines)
}

// PlainText is PlainText(s).
func (c *Cache) PlainText(s string) string {
	if c == nil {
		return PlainText(s)
	}
	e := c.entry(s).parse(s)
	e.plainOnce.Do(func() { e.plain = strings.Join(layout(e.blocks, 0), "\n") })
	return e.plain
}

// Warm starts converting texts, in order, on all cores but one (the
// caller's, which reads them); stop ends the work early and returns once
// no goroutine of it runs. On one core it does nothing.
func (c *Cache) Warm(texts []string) (stop func()) {
	workers := runtime.GOMAXPROCS(0) - 1
	if workers < 1 || len(texts) == 0 {
		return func() {}
	}
	var next atomic.Int64
	var done atomic.Bool
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for !done.Load() {
				i := next.Add(1) - 1
				if i >= int64(len(texts)) {
					return
				}
				c.entry(texts[i]).parse(texts[i])
			}
		})
	}
	return func() {
		done.Store(true)
		wg.Wait()
	}
}
