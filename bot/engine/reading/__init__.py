"""The forgiving reader, one module per idea: `message` (a message in, the map as its lines
build it out), `lines` (what one line is), `stages`, `items`, `personas`, `scope_cues`, and
`common` (what they share)."""
