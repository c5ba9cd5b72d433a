package lower

import (
	"go/token"
	"testing"
)

func TestExportedName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Create an IM directory group", "CreateAnIMDirectoryGroup"},
		{"groupId", "GroupID"},
		{"HTTPServer url", "HTTPServerURL"},
		{"type", "Type"},
		{"123 go", "X123Go"},
		{"Ünïcode naïve", "ÜnïcodeNaïve"},
		{"名前", "X名前"},
		{"!!!", ""},
		{"", ""},
		{"  spaced\tout\n", "SpacedOut"},
		{"{petId}", "PetID"},
		{"snake_case_name", "SnakeCaseName"},
		{"a\xffb", "Ab"},
	}
	for _, tt := range tests {
		got := exportedName(tt.in)
		if got != tt.want {
			t.Errorf("exportedName(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got != "" && !token.IsIdentifier(got) {
			t.Errorf("exportedName(%q) = %q is not an identifier", tt.in, got)
		}
	}
}

func TestScopeUnique(t *testing.T) {
	s := newScope("Client", "Validate")
	var got []string
	for _, base := range []string{"Get", "Get", "Client", "GetParams", "Get"} {
		got = append(got, s.unique(base, "Params"))
	}
	// GetParams is taken as Get's companion, so the item named "Get
	// params" gets a number; Client is reserved by the runtime.
	want := []string{"Get", "Get2", "Client2", "GetParams2", "Get3"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("unique #%d = %q, want %q (all: %q)", i, got[i], want[i], got)
		}
	}
}

func TestEnumConstName(t *testing.T) {
	tests := []struct {
		value string
		index int
		want  string
	}{
		{"shared", 0, "ModeShared"},
		{"a-b", 1, "ModeAB"},
		{"!", 4, "ModeValue5"},
		{"", 2, "ModeEmpty"},
		{"1080p", 0, "Mode1080p"},
	}
	for _, tt := range tests {
		if got := enumConstName("Mode", tt.value, tt.index); got != tt.want {
			t.Errorf("enumConstName(%q) = %q, want %q", tt.value, got, tt.want)
		}
	}
}

func TestPossessiveIsPartOfItsWord(t *testing.T) {
	for in, want := range map[string]string{
		"List user's chat messages":     "ListUserChatMessages",
		"Get a folder’s path":           "GetAFolderPath",
		"Change a Zoom Room's location": "ChangeAZoomRoomLocation",
		"users' settings":               "UsersSettings",
		"List SMS":                      "ListSMS",
		"status":                        "Status",
	} {
		if got := exportedName(in); got != want {
			t.Errorf("exportedName(%q) = %q, want %q", in, got, want)
		}
	}
}
