package lower

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/postman2go/postman2go/parser"
)

// collectionOf builds a collection from "folder/…/name" request paths, all
// GET /x.
func collectionOf(t *testing.T, paths ...string) *parser.Collection {
	t.Helper()
	root := []any{}
	var insert func(items []any, parts []string) []any
	insert = func(items []any, parts []string) []any {
		if len(parts) == 1 {
			return append(items, map[string]any{"name": parts[0], "request": map[string]any{"method": "GET", "url": "https://api.example.test/x"}})
		}
		for _, it := range items {
			if m := it.(map[string]any); m["name"] == parts[0] && m["item"] != nil {
				m["item"] = insert(m["item"].([]any), parts[1:])
				return items
			}
		}
		return append(items, map[string]any{"name": parts[0], "item": insert([]any{}, parts[1:])})
	}
	for _, p := range paths {
		root = insert(root, strings.Split(p, "/"))
	}
	data, err := json.Marshal(map[string]any{
		"info": map[string]any{"name": "t", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"item": root,
	})
	if err != nil {
		t.Fatal(err)
	}
	return parseOrFail(t, data)
}

func TestOperationNames(t *testing.T) {
	tests := []struct {
		name  string
		paths []string
		want  []string
	}{
		{"articles dropped", []string{"Get a user", "Create an IM directory group", "List the users' settings", "A"},
			[]string{"GetUser", "CreateIMDirectoryGroup", "ListUsersSettings", "A"}},
		{"articles kept where they tell apart", []string{"List users", "List the users"},
			[]string{"ListUsers", "ListTheUsers"}},
		{"first folder only one has", []string{"users/{userId}/meetings/List meetings", "metrics/meetings/List meetings"},
			[]string{"UsersListMeetings", "MetricsListMeetings"}},
		{"the general one keeps the bare name", []string{"chat/channels/{channelId}/Get a channel", "chat/users/{userId}/channels/{channelId}/Get a channel"},
			[]string{"GetChannel", "UsersGetChannel"}},
		{"a folder not all others have", []string{"meetings/{id}/registrants/Update status", "meetings/{id}/recordings/registrants/Update status", "webinars/{id}/registrants/Update status"},
			[]string{"MeetingsUpdateStatus", "RecordingsUpdateStatus", "WebinarsUpdateStatus"}},
		{"parameter folders last", []string{"Get", "{petId}/Get"},
			[]string{"Get", "PetIDGet"}},
		{"same folder, same name: numbers", []string{"f/Get user", "f/Get user"},
			[]string{"GetUser", "GetUser2"}},
		{"methods and types apart", []string{"Get", "Get params"},
			[]string{"Get", "GetParams"}},
		{"runtime names are taken", []string{"New client"},
			[]string{"NewClient2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pkg, _ := Package(collectionOf(t, tt.paths...), Options{Package: "p"})
			var got []string
			for _, op := range pkg.Operations {
				got = append(got, op.Name)
			}
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("names = %q, want %q", got, tt.want)
			}
		})
	}
}
