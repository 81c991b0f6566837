package article

import (
	"sort"
	"time"
)

// Related is an article to read next, shown under an article.
type Related struct {
	Title string `json:"title"`
	URL   string `json:"url"`  // site-relative
	Date  string `json:"date"` // RFC 3339, in Vietnam's time
}

// maxRelated is how many articles an article suggests; candidates from its
// category are taken among its newest few.
const (
	maxRelated         = 4
	categoryCandidates = 6
	tagWindow          = 16
)

// articleInfo is what choosing related articles needs of one article.
type articleInfo struct {
	id, category string
	tags         []string // keyword slugs
	date         time.Time
	ref          Related
}

// relatedArticles chooses, for each article, up to maxRelated others: those
// sharing the most keywords (the nearest in date first among equals), then
// the newest of its category. The export does this rather than Hugo's
// .Related because a page that asks Hugo for related pages depends on every
// page of the section, and an incremental build would then re-render every
// article after any change; written into each article's front matter, a
// list changes only when what it shows does.
//
// Candidates are the tagWindow articles on each side of the article in each
// of its keywords' lists (ordered by date), so the work grows with the
// number of articles, not its square, when a keyword is on thousands of
// them; and a new article changes only the lists of articles near it in
// time.
func relatedArticles(arts []articleInfo) map[string][]Related {
	byTag := map[string][]int{}
	byCategory := map[string][]int{}
	for i, a := range arts {
		for _, t := range a.tags {
			byTag[t] = append(byTag[t], i)
		}
		byCategory[a.category] = append(byCategory[a.category], i)
	}
	newer := func(i, j int) bool {
		if !arts[i].date.Equal(arts[j].date) {
			return arts[i].date.After(arts[j].date)
		}
		return arts[i].id < arts[j].id
	}
	for _, list := range byCategory {
		sort.Slice(list, func(a, b int) bool { return newer(list[a], list[b]) })
	}
	// pos[t][i] is article i's place in byTag[t], newest first.
	pos := make(map[string]map[int]int, len(byTag))
	for t, list := range byTag {
		sort.Slice(list, func(a, b int) bool { return newer(list[a], list[b]) })
		m := make(map[int]int, len(list))
		for k, j := range list {
			m[j] = k
		}
		pos[t] = m
	}
	distance := func(i, j int) time.Duration {
		d := arts[i].date.Sub(arts[j].date)
		if d < 0 {
			return -d
		}
		return d
	}

	out := make(map[string][]Related, len(arts))
	shared := map[int]int{}
	for i, a := range arts {
		clear(shared)
		for _, t := range a.tags {
			list, k := byTag[t], pos[t][i]
			for _, j := range list[max(0, k-tagWindow):min(len(list), k+tagWindow+1)] {
				if j != i {
					shared[j]++
				}
			}
		}
		cands := make([]int, 0, len(shared))
		for j := range shared {
			cands = append(cands, j)
		}
		sort.Slice(cands, func(x, y int) bool {
			cx, cy := cands[x], cands[y]
			if shared[cx] != shared[cy] {
				return shared[cx] > shared[cy]
			}
			if dx, dy := distance(i, cx), distance(i, cy); dx != dy {
				return dx < dy
			}
			return newer(cx, cy)
		})
		chosen := map[int]bool{}
		var list []Related
		for _, j := range cands {
			if len(list) == maxRelated {
				break
			}
			chosen[j] = true
			list = append(list, arts[j].ref)
		}
		same := byCategory[a.category]
		for _, j := range same[:min(len(same), categoryCandidates)] {
			if len(list) == maxRelated {
				break
			}
			if j != i && !chosen[j] {
				chosen[j] = true
				list = append(list, arts[j].ref)
			}
		}
		if len(list) > 0 {
			out[a.id] = list
		}
	}
	return out
}
