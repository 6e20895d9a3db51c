"""What each conversation command does, one module per kind of command. Every handler takes the
turn's Context and the command's argument and returns an Outcome; the command table
(bot.engine.commands) says which phrases reach which handler."""
