# A recursive variable that refers to itself.
# run:
FLAGS = -v
FLAGS = $(FLAGS) -race
all:
	echo $(FLAGS)
