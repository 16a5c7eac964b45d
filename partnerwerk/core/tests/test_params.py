import pytest

from partnerwerk.core.params import MAX_PAGE, bounded_int


def page(value):
    return bounded_int(value, default=1, minimum=1, maximum=MAX_PAGE)


def test_it_reads_a_whole_number():
    assert page("7") == 7
    assert page(" 7 ") == 7


@pytest.mark.parametrize("value", [None, "", "x", "7.5", "²", "٣", "1e3", "--1"])
def test_it_falls_back_to_the_default_for_what_is_not_a_whole_number(value):
    assert page(value) == 1


def test_it_clamps_numbers_past_either_bound():
    assert page("9223372036854775808") == MAX_PAGE
    assert page("0") == 1
    assert page("-9223372036854775808") == 1


def test_it_clamps_a_number_too_long_for_int_without_parsing_it():
    assert page("9" * 5000) == MAX_PAGE
    assert page("-" + "9" * 5000) == 1


def test_none_as_the_default_tells_a_malformed_number_from_a_given_one():
    assert bounded_int("x", default=None, minimum=0, maximum=10) is None
    assert bounded_int("11", default=None, minimum=0, maximum=10) == 10


def test_it_refuses_a_default_outside_its_bounds():
    with pytest.raises(ValueError):
        bounded_int("1", default=0, minimum=1, maximum=10)
