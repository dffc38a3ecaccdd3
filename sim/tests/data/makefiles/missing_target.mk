# A prerequisite nobody can make, and an unknown goal.
# run:
# run: nosuch
# run: ok
all: ok generated.go
	echo all
ok:
	echo ok
