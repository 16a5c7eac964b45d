from django.shortcuts import render

from partnerwerk.office.access import office_view


@office_view
def dashboard(request):
    return render(request, "office/dashboard.html")
