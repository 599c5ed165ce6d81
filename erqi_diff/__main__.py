from erqi_diff.cli import main

main(prog_name="erqi-diff")
